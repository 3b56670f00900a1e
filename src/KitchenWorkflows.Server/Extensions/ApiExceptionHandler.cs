using System.Text.Json;
using KitchenWorkflows.Engine.Strategies;
using KitchenWorkflows.Engine.Testing;
using KitchenWorkflows.Engine.Validation;
using KitchenWorkflows.Persistence.Runtime;
using KitchenWorkflows.Persistence.Store;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace KitchenWorkflows.Server.Extensions;

/// <summary>
/// Turns every failure into RFC 7807 problem details: invalid definitions and malformed bodies are 400
/// with errors keyed by JSON path (a body nested deeper than Limits:MaxJsonDepth too), a body over Limits:MaxRequestBodyBytes 413, unknown ids 404, conflicts 409, a busy instance 503,
/// a store that refuses writes (a full disk, a read-only store) 503 with Retry-After and the cause. Nothing else
/// leaks: an unexpected exception is logged and answered with a bare 500 problem, never a stack trace.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, StorageWrites storageWrites, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    // Long enough for an operator to act, short enough that a client's retry finds the store writable soon after.
    private const string RetryAfterStorageFault = "30";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (StorageFault.Describe(exception) is { } cause)
        {
            // The storage, not the request: the client may send the same request again (its idempotency key was not
            // taken), once the operator has made room or made the store writable.
            storageWrites.Failed(cause);
            LogStorageFault(logger, exception, httpContext.Request.Path, cause);
            httpContext.Response.Headers.RetryAfter = RetryAfterStorageFault;
            return await WriteAsync(httpContext, new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The store cannot take writes.",
                Detail = $"The request was not completed: {cause}. Send it again later.",
            });
        }

        var problem = exception switch
        {
            WorkflowDefinitionException invalid => Validation("The workflow definition is invalid.", invalid.Errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray())),
            BadHttpRequestException { InnerException: JsonException json } => Validation("The request body is not valid JSON.", new() { [json.Path ?? "$"] = [json.Message] }),
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "Bad request.", Detail = bad.Message },
            JsonException json => Validation("The request body is not valid JSON.", new() { [json.Path ?? "$"] = [json.Message] }),
            WorkflowRuntimeException { Kind: WorkflowRuntimeError.NotFound } notFound => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = notFound.Message },
            WorkflowRuntimeException { Kind: WorkflowRuntimeError.Conflict } conflict => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict.", Detail = conflict.Message },
            TestCasesFailedException failed => TestCasesProblem(failed),
            ActivationRefusedException refused => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "The workflow's activation strategy refused the start.", Detail = refused.Message },
            WorkflowRuntimeException busy => new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "Busy.", Detail = busy.Message },
            _ => null,
        };
        if (problem is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Path);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred." };
        }

        return await WriteAsync(httpContext, problem);
    }

    private async ValueTask<bool> WriteAsync(HttpContext httpContext, ProblemDetails problem)
    {
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = null });
    }

    // Each failing case with its differences, for the Studio to show beside the case and a client to print.
    private static ProblemDetails TestCasesProblem(TestCasesFailedException failed) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "The version's test cases failed.",
        Detail = failed.Message,
        Extensions = { ["testCases"] = failed.Failures.Select(f => new { f.Name, f.Differences }).ToList() },
    };

    private static HttpValidationProblemDetails Validation(string title, Dictionary<string, string[]> errors) =>
        new(errors) { Status = StatusCodes.Status400BadRequest, Title = title };

    [LoggerMessage(Level = LogLevel.Error, Message = "The store refused a write on {Path}: {Cause}")]
    private static partial void LogStorageFault(ILogger logger, Exception exception, PathString path, string cause);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, PathString path);
}
