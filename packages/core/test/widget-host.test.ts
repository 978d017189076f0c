/**
 * The loader and the widget runtime each state the contract between them (the loader cannot
 * import @frontdesk/core: it stays a tiny classic script). Type-checking this file proves the
 * two statements agree: what the loader hands over is a WidgetHost, what a widget returns
 * answers every loader command.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type {
  LoaderHandle,
  LoaderHost,
  LoaderWidgetModule,
} from '../../loader/src/widget-module.ts';
import type { StartWidget, WidgetHandle, WidgetHost } from '../src/widget-host.ts';

describe('the loader ↔ widget contract', () => {
  it('agrees on both sides', () => {
    expectTypeOf<LoaderHost>().toExtend<WidgetHost>();
    expectTypeOf<WidgetHandle>().toExtend<LoaderHandle>();
    expectTypeOf<{ start: StartWidget }>().toExtend<LoaderWidgetModule>();
  });
});
