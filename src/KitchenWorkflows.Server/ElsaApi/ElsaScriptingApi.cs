using System.Text;
using KitchenWorkflows.Engine.Values;
using KitchenWorkflows.Persistence.Definitions;
using KitchenWorkflows.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KitchenWorkflows.Server.ElsaApi;

/// <summary>
/// Elsa's JavaScript type definitions: a TypeScript declaration file that Elsa Studio's Monaco editor completes scripts
/// from. It declares the globals our JavaScript evaluator gives a script, and the getX/setX accessors of the
/// definition's variables.
/// </summary>
internal static class ElsaScriptingApi
{
    // The globals JavaScriptEvaluator defines, with the types a script sees.
    private const string Globals = """
        declare function getVariable(name: string): any;
        declare function setVariable(name: string, value: any): void;
        declare function getInput(name: string): any;
        declare function getOutputFrom(activityIdOrName: string): any;
        declare function getLastResult(): any;
        declare function getWorkflowInstanceId(): string;
        declare function getCorrelationId(): string | null;
        declare function setCorrelationId(value: string): void;
        declare function setTag(name: string, value: string | null): void;
        """;

    public static void MapElsaScripting(this RouteGroupBuilder elsa)
    {
        elsa.MapPost("/scripting/javascript/type-definitions/{definitionId}", TypeDefinitionsAsync).WithName("ElsaJavaScriptTypeDefinitions")
            .RequireAuthorization(Policies.ReadDefinitions);
    }

    private static async Task<FileContentHttpResult> TypeDefinitionsAsync(string definitionId, WorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        var text = new StringBuilder(Globals).AppendLine();
        // A workflow not saved yet has no variables to declare; the globals still complete.
        if (await store.FindAsync(definitionId, VersionSelector.Latest, cancellationToken) is { } latest)
        {
            foreach (var variable in latest.Definition.Variables)
            {
                var type = TypeScriptType(variable.TypeName) + (variable.IsArray ? "[]" : "");
                text.AppendLine($"declare function get{variable.Name}(): {type};");
                text.AppendLine($"declare function set{variable.Name}(value: {type}): void;");
            }
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "application/x-typescript", "elsa.d.ts");
    }

    private static string TypeScriptType(string typeName) =>
        VariableTypes.TryResolve(typeName, out var type) ? Type.GetTypeCode(type) switch
        {
            TypeCode.String => "string",
            TypeCode.Boolean => "boolean",
            TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 or TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "number",
            _ => "any",
        } : "any";
}
