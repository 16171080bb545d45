export { screenUnits, type ScreenOptions, type ScreenedUnit } from './screenUnits.ts';
