package io.contactimport.contracts.api;

/**
 * The error body of the public API and of every internal one, so the gateway can pass an owner's answer through:
 * {@code {"statusCode": 422, "name": "validation_error", "message": "…"}}.
 */
public record ApiError(int statusCode, String name, String message) {

    public static ApiError validation(String message) {
        return new ApiError(422, "validation_error", message);
    }

    public static ApiError missingRequiredField(String field) {
        return new ApiError(422, "missing_required_field", "Missing `" + field + "` field.");
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, "not_found", message);
    }
}
