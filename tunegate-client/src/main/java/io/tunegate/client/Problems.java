package io.tunegate.client;

/** Picks the exception for a problem: by its Tunegate type first, then by the HTTP status. */
final class Problems {

    private Problems() {
    }

    static TunegateApiException exception(Problem problem) {
        String slug = problem.type() == null ? "" : problem.slug();
        switch (slug) {
            case "invalid-request", "malformed-json" -> {
                return new InvalidRequestException(problem);
            }
            case "unauthenticated", "invalid-signature" -> {
                return new AuthenticationException(problem);
            }
            case "budget-exceeded" -> {
                return new BudgetExceededException(problem);
            }
            case "not-found" -> {
                return new NotFoundException(problem);
            }
            case "conflict" -> {
                return new ConflictException(problem);
            }
            case "payload-too-large" -> {
                return new PayloadTooLargeException(problem);
            }
            case "no-provider" -> {
                return new NoProviderException(problem);
            }
            case "idempotency-key-reused" -> {
                return new IdempotencyKeyReusedException(problem);
            }
            default -> {
                return byStatus(problem);
            }
        }
    }

    private static TunegateApiException byStatus(Problem problem) {
        int status = problem.status();
        return switch (status) {
            case 400 -> new InvalidRequestException(problem);
            case 401 -> new AuthenticationException(problem);
            case 402 -> new BudgetExceededException(problem);
            case 404 -> new NotFoundException(problem);
            case 409 -> new ConflictException(problem);
            case 413 -> new PayloadTooLargeException(problem);
            case 422 -> new UnprocessableException(problem);
            default -> status >= 500 ? new ServerException(problem) : new TunegateApiException(problem);
        };
    }
}
