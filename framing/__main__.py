import signal
import sys

try:
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # from the start, SIGTERM stops as Ctrl-C does
    from framing.cli import main
except KeyboardInterrupt:  # stopped while starting: nothing was begun
    sys.exit(130)

try:
    status = main()
except KeyboardInterrupt:  # a signal in the instant the command was handing back its status
    status = 130
try:
    for number in (signal.SIGINT, signal.SIGTERM):  # all is written: a late signal ends the process, silently
        signal.signal(number, signal.SIG_DFL)
except KeyboardInterrupt:  # one more in the instant before: the status stands, the work is whole
    pass
sys.exit(status)
