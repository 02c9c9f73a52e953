// pgpass has no types of its own: the one function net calls.
declare module 'pgpass' {
  interface PgPassConnection {
    host?: string;
    port?: number | string;
    database?: string;
    user?: string;
  }
  export default function pgPass(connection: PgPassConnection, callback: (password: string | undefined) => void): void;
}
