package io.tunegate.dataset.remote;

import java.io.IOException;

/** Reading a remote file failed midway (a dropped connection, a silent server): worth another try. */
public final class RemoteReadException extends IOException {

    RemoteReadException(String message) {
        super(message, null);
    }
}
