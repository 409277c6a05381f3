package org.fupin.database.api;

/** A database failure that is not the caller's fault (I/O, corruption, a bug in SQL). */
public class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
