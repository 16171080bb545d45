/** The CLI's name and version, written into every manifest. Kept equal to package.json by a test. */
export const CLI_NAME = '@pingan/cli';
export const CLI_VERSION = '0.1.0';
