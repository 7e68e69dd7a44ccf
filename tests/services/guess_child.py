"""One guessing process of the parallel-guessing tests: logs in with wrong passwords as fast as it can.

Usage: python -m tests.services.guess_child DATABASE_URL PROCESS_NUMBER GO_FILE GUESSES
Waits for GO_FILE to exist (so all processes start together), then prints one JSON line: the
outcome of each guess.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from dispatch.domain.clock import SystemClock
from dispatch.services import accounts
from dispatch.services.bus import ChangeBus
from dispatch.store.database import open_database


def main() -> int:
    url, number, go, guesses = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
    database = open_database(url)
    try:
        ctx = accounts.register_console(database, SystemClock(), ChangeBus(), f"GUESS-{number}", "guesser")
        accounts.log_in(ctx, "nobody-at-all", "warm-up")  # argon2 and the connection, before the start
        print("ready", flush=True)
        while not go.exists():
            time.sleep(0.001)
        outcomes = [
            accounts.log_in(ctx, "budi", f"guess-{number}-{attempt}").outcome.value
            for attempt in range(guesses)
        ]
        print(json.dumps(outcomes), flush=True)
    finally:
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
