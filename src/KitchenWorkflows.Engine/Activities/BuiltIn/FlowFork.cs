namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>The same fork under the type name Elsa 3 uses inside flowcharts.</summary>
[Activity("Elsa.FlowFork", Category = "Branching", DisplayName = "Flow Fork", Description = "Run several branches in parallel.")]
public sealed class FlowFork : Fork;
