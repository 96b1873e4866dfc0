/** The package version; a test keeps it equal to package.json's (importing package.json would bundle all of it). */
export const VERSION = '0.1.0';
