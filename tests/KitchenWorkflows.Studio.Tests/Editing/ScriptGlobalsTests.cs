using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Studio.Editing;

namespace KitchenWorkflows.Studio.Tests.Editing;

/// <summary>The JavaScript editor completes the definition's own names: its variables, inputs and activities.</summary>
public sealed class ScriptGlobalsTests
{
    [Fact]
    public void Declarations_DefinitionNames_AreTheChoicesOfTheGlobalsAndEachVariableGetsItsAccessors()
    {
        var definition = TestData.TwoStep();
        definition.Variables.Add(new VariableDefinition { Name = "attempts" });
        definition.Variables.Add(new VariableDefinition { Name = "имя клиента" });
        definition.Inputs.Add(new ParameterDefinition { Name = "callerKind" });

        var declarations = ScriptGlobals.Declarations(definition);

        Assert.Contains("declare function getVariable(name: \"attempts\" | \"имя клиента\" | (string & {})): any;", declarations, StringComparison.Ordinal);
        Assert.Contains("declare function getInput(name: \"callerKind\" | (string & {})): any;", declarations, StringComparison.Ordinal);
        Assert.Contains("declare function getOutputFrom(activityId: \"start\" | \"write\" | (string & {}), outputName?: string): any;", declarations, StringComparison.Ordinal);
        Assert.Contains("declare function getattempts(): any;", declarations, StringComparison.Ordinal);
        Assert.Contains("declare function setattempts(value: any): void;", declarations, StringComparison.Ordinal);
        // A name that is not an identifier cannot be spelled as a function name, so it has no accessors.
        Assert.DoesNotContain("getимя", declarations, StringComparison.Ordinal);
    }

    [Fact]
    public void Declarations_NoInputs_AcceptAnyName()
    {
        Assert.Contains("declare function getInput(name: string): any;", ScriptGlobals.Declarations(TestData.TwoStep()), StringComparison.Ordinal);
    }
}
