export { PinganError, UnknownCodeError, type ErrorCode } from './pinganError.ts';
