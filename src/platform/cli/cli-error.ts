/** Bad input to a CLI command: printed as a plain message with exit code 2, no stack. */
export class CliInputError extends Error {}
