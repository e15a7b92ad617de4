// A generation failure the user can act on: it names the file and the problem.
// The CLI prints the message (no stack trace) and exits with code 2.
export class GenerateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GenerateError';
  }
}
