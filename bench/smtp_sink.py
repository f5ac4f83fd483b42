#!/usr/bin/env python3
"""A minimal SMTP sink for benchmarks: accepts every message, keeps none, counts them.

Python's smtpd module is gone from 3.12, so this speaks just enough SMTP (RFC 5321) for
JavaMail: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT. Standard library only.

    python3 smtp_sink.py PORT COUNT_FILE

The number of accepted messages is written to COUNT_FILE on every message, so the
benchmark can check that the notification mails really flowed.
"""
import asyncio
import os
import sys


def write_count(count_file, count):
    # write aside, then rename: a reader never sees a half-written file
    with open(count_file + ".tmp", "w") as out:
        out.write(str(count))
    os.replace(count_file + ".tmp", count_file)


async def serve(port, count_file):
    count = 0

    async def session(reader, writer):
        nonlocal count

        async def reply(line):
            writer.write(line.encode() + b"\r\n")
            await writer.drain()

        await reply("220 bench-sink ESMTP")
        try:
            while True:
                line = await reader.readline()
                if not line:
                    break
                verb = line[:4].upper()
                if verb == b"EHLO":
                    writer.write(b"250-bench-sink\r\n250-8BITMIME\r\n")
                    await reply("250 SMTPUTF8")
                elif verb == b"DATA":
                    await reply("354 end with <CRLF>.<CRLF>")
                    # the body ends with a line holding a single dot; its content is dropped
                    while (await reader.readline()) not in (b".\r\n", b".\n", b""):
                        pass
                    count += 1
                    write_count(count_file, count)
                    await reply("250 accepted")
                elif verb == b"QUIT":
                    await reply("221 bye")
                    break
                elif verb in (b"HELO", b"MAIL", b"RCPT", b"RSET", b"NOOP"):
                    await reply("250 ok")
                else:
                    await reply("502 not implemented")
        except ConnectionError:
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(session, "127.0.0.1", port)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    port, count_file = int(sys.argv[1]), sys.argv[2]
    write_count(count_file, 0)
    asyncio.run(serve(port, count_file))
