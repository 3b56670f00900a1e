namespace KitchenWorkflows.Engine.Activities.BuiltIn;

/// <summary>The built-in activities, with Elsa 3's type names.</summary>
public static class BuiltInActivities
{
    /// <summary>Registers every built-in activity.</summary>
    public static ActivityRegistry Register(ActivityRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .Register<Start>()
            .Register<WriteLine>()
            .Register<SetVariable>()
            .Register<SetOutput>()
            .Register<SetTag>()
            .Register<FlowDecision>()
            .Register<FlowSwitch>()
            .Register<Fork>()
            .Register<FlowFork>()
            .Register<FlowJoin>()
            .Register<Delay>()
            .Register<Timer>()
            .Register<Cron>()
            .Register<Event>()
            .Register<PublishEvent>()
            .Register<SendHttpRequest>()
            .Register<RunJavaScript>()
            .Register<Correlate>()
            .Register<Fault>()
            .Register<Finish>()
            .Register<ExecuteWorkflow>()
            .Register<DispatchWorkflow>();
    }
}
