/**
 * Imported first by the component tests. Preact runs effects of a render outside `act()` (a
 * socket answer, a fetch) after the next frame, with a 35 ms timer that calls
 * `cancelAnimationFrame`; when a test file ends within those 35 ms, jsdom is gone and the timer
 * throws into the next file. A plain timer does the same job here and needs nothing of jsdom.
 */
import { options } from 'preact';

options.requestAnimationFrame = (callback) => setTimeout(callback);
