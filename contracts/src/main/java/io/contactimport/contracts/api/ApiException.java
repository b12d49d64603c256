package io.contactimport.contracts.api;

/** A request the API answers with an error in its JSON error format. */
public class ApiException extends RuntimeException {

    private final transient ApiError error;

    public ApiException(ApiError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public static ApiException validation(String message) {
        return new ApiException(ApiError.validation(message));
    }

    public static ApiException missingRequiredField(String field) {
        return new ApiException(ApiError.missingRequiredField(field));
    }

    public static ApiException notFound(String message) {
        return new ApiException(ApiError.notFound(message));
    }

    public ApiError error() {
        return error;
    }
}
