/**
 * Setup of the jsdom test files (projects `unit` and `dist`). Preact runs effects after the next
 * paint: a requestAnimationFrame raced by a 35 ms timer, which cancels the frame when it fires. A
 * file that ends within 35 ms of its last render leaves that timer to a jsdom already torn down —
 * "cancelAnimationFrame is not defined", an uncaught error that fails the run, seen on a busy
 * machine. Each jsdom file waits those timers out (and one more render they may cause) first:
 * timers fire in the order they fall due, so Preact's, set before this one, go first.
 */
import { afterAll } from 'vitest';

/** Two of Preact's after-paint timeouts (35 ms each, RAF_TIMEOUT in preact/hooks), and a margin. */
const AFTER_PAINT_MS = 120;

if (typeof document !== 'undefined') {
  afterAll(() => new Promise((resolve) => setTimeout(resolve, AFTER_PAINT_MS)));
}
