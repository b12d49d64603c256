package io.contactimport.stack;

/** The local stack could not be started or stopped; the message says which part and why. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
