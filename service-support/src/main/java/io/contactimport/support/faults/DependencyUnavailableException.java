package io.contactimport.support.faults;

/**
 * Said by a service that has found a dependency unavailable in a way no library reports as such, e.g. an object
 * store whose stream broke off in the middle of a file: transient, like a refused connection.
 */
public class DependencyUnavailableException extends RuntimeException {

    public DependencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
