// The ES-module face of ticker.js: the same code, loaded once, exported.
import './ticker.js';

const NewsTicker = globalThis.NewsTicker;
export const connect = NewsTicker.connect;
export default NewsTicker;
