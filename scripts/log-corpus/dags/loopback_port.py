"""A loopback port that nothing listens on (bound, read, released): requests to it are refused."""
import socket


def closed_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port
