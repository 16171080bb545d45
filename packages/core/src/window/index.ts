export * from './trailingWindow.ts';
