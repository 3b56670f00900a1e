using System.Text;
using System.Text.RegularExpressions;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.CSharp;

/// <summary>
/// The code put before every script of a definition, as Elsa generates it: a <c>Variables</c> class with a typed
/// property per declared variable (<c>Variables.Counter += 1</c>) and an <c>Input</c> class with one per declared
/// workflow input, with Elsa's aliases <c>Variable</c> and <c>Inputs</c>. Names that are not C# identifiers are reached
/// through <c>Get("name")</c> only. The prelude is part of the compiled script's cache key.
/// </summary>
internal static partial class ScriptPrelude
{
    public static string For(WorkflowDefinition definition)
    {
        var code = new StringBuilder();
        code.AppendLine("public sealed class WorkflowVariablesProxy : KitchenWorkflows.CSharp.VariablesProxyBase {");
        code.AppendLine("  public WorkflowVariablesProxy(KitchenWorkflows.CSharp.ExecutionContextProxy c) : base(c) { }");
        foreach (var variable in definition.Variables.Where(v => Identifier().IsMatch(v.Name)))
        {
            var type = TypeName(variable.TypeName, variable.IsArray);
            code.AppendLine($"  public {type} {Pascal(variable.Name)} {{ get => Get<{type}>(\"{variable.Name}\"); set => Set(\"{variable.Name}\", value); }}");
        }

        code.AppendLine("}");
        code.AppendLine("public sealed class WorkflowInputsProxy : KitchenWorkflows.CSharp.InputsProxyBase {");
        code.AppendLine("  public WorkflowInputsProxy(KitchenWorkflows.CSharp.ExecutionContextProxy c) : base(c) { }");
        foreach (var input in definition.Inputs.Where(i => Identifier().IsMatch(i.Name)))
        {
            var type = TypeName(input.TypeName, isArray: false);
            code.AppendLine($"  public {type} {Pascal(input.Name)} => Get<{type}>(\"{input.Name}\");");
        }

        code.AppendLine("}");
        code.AppendLine("var Variables = new WorkflowVariablesProxy(ExecutionContext); var Variable = Variables;");
        code.AppendLine("var Inputs = new WorkflowInputsProxy(ExecutionContext); var Input = Inputs;");
        return code.ToString();
    }

    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    // The C# spelling of a variable type; unknown types are object, as the value is then kept as given.
    private static string TypeName(string typeName, bool isArray)
    {
        var element = VariableTypes.TryResolve(typeName, out var type) ? CSharpName(type) : "object";
        return isArray ? $"System.Collections.Generic.List<{element}>" : element;
    }

    private static string CSharpName(Type type) => type switch
    {
        _ when type == typeof(object) => "object",
        _ when type == typeof(string) => "string",
        _ when type == typeof(bool) => "bool",
        _ when type == typeof(short) => "short",
        _ when type == typeof(int) => "int",
        _ when type == typeof(long) => "long",
        _ when type == typeof(float) => "float",
        _ when type == typeof(double) => "double",
        _ when type == typeof(decimal) => "decimal",
        _ when type == typeof(Dictionary<string, object?>) => "System.Collections.Generic.Dictionary<string, object>",
        _ => type.FullName ?? "object",
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
