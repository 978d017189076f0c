import { contrast, readableOn, themeCss } from '@frontdesk/core';
import { describe, expect, it } from 'vitest';

describe('theme tokens', () => {
  it('measures WCAG contrast', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#2563eb', '#ffffff')).toBeCloseTo(5.17, 2);
    expect(contrast('#777777', '#777777')).toBe(1);
  });

  it('picks readable text on any colour', () => {
    expect(readableOn('#2563eb')).toBe('#ffffff');
    expect(readableOn('#fde047')).toBe('#000000');
    for (const colour of ['#000000', '#ffffff', '#ff0000', '#00ff00', '#1aaf5d', '#808080']) {
      expect(contrast(colour, readableOn(colour))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('writes the tokens as custom properties, with an accent that reads on the body', () => {
    const css = themeCss({ primaryColor: '#2563eb', secondaryColor: '#ffffff', shape: 'figured' });
    expect(css).toBe(
      '.fd{--fd-primary:#2563eb;--fd-on-primary:#ffffff;--fd-secondary:#ffffff;--fd-on-secondary:#000000;--fd-accent:#2563eb;--fd-error:#b91c1c;--fd-radius:20px}',
    );
    // A pale primary on white cannot be the link colour: the body's text colour is.
    expect(
      themeCss({ primaryColor: '#fde047', secondaryColor: '#ffffff', shape: 'square' }),
    ).toContain('--fd-accent:#000000;');
    // A dark body: the error red is not readable on it.
    expect(
      themeCss({ primaryColor: '#2563eb', secondaryColor: '#111111', shape: 'rounded' }),
    ).toContain('--fd-error:#ffffff;');
  });

  it('never lets a value that is not a colour into the stylesheet', () => {
    const css = themeCss({
      primaryColor: 'red;}*{display:none',
      secondaryColor: '#fff',
      shape: 'rounded',
    });
    expect(css).toContain('--fd-primary:#2563eb;');
    expect(css).toContain('--fd-secondary:#ffffff;');
    expect(css).not.toContain('display');
  });
});
