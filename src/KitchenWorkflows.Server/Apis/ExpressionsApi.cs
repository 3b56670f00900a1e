using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Expressions;
using KitchenWorkflows.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.Apis;

/// <summary>
/// Checks one expression the way saving a definition does, without saving: the Studio's code editor marks a script
/// that does not compile while it is being typed.
/// </summary>
internal static class ExpressionsApi
{
    public static void MapExpressionsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/expressions").WithTags("Expressions").RequireAuthorization(Policies.EditDefinitions)
            .MapPost("/check", Check).WithName("CheckExpression")
            .WithSummary("Check that an expression (JavaScript, Liquid, …) compiles; 200 with the error, or with none.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status500InternalServerError);
    }

    private static Results<Ok<CheckExpressionResponse>, ValidationProblem> Check(CheckExpressionRequest body, ExpressionEvaluators evaluators)
    {
        // A Variable expression is a name, not code: only its definition can say whether it is declared.
        if (!evaluators.TryGet(body.Syntax ?? "", out var evaluator) || evaluator.Type == ExpressionTypes.Variable)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["syntax"] = [$"Cannot check syntax '{body.Syntax}'; these compile: {string.Join(", ", evaluators.Types.Where(t => t != ExpressionTypes.Variable))}."],
            });
        }

        // Compiling needs no definition: the evaluators that compile read nothing from it.
        var error = evaluator.Check(new WorkflowExpression(evaluator.Type, System.Text.Json.Nodes.JsonValue.Create(body.Expression ?? "")), new WorkflowDefinition());
        return TypedResults.Ok(new CheckExpressionResponse(error));
    }
}
