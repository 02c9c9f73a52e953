// libqp ships no types; these are the two functions net uses.
declare module 'libqp' {
  /** Quoted-printable text (soft line breaks included) to bytes. */
  export function decode(input: string | Buffer): Buffer;
  export function encode(input: string | Buffer): string;
  const libqp: { decode: typeof decode; encode: typeof encode };
  export default libqp;
}
