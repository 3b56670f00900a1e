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
            .Register<HttpEndpoint>()
            .Register<WriteHttpResponse>()
            .Register<RunJavaScript>()
            .Register<Correlate>()
            .Register<Fault>()
            .Register<Finish>()
            .Register<Sequence>()
            .Register<If>()
            .Register<Switch>()
            .Register<ForEach>()
            .Register<For>()
            .Register<While>()
            .Register<Break>()
            .Register<Parallel>()
            .Register<ParallelForEach>()
            .Register<Flowchart>()
            .Register<FlowNode>()
            .Register<Complete>()
            .Register<End>()
            .Register<SetName>()
            .Register<ExecuteWorkflow>()
            .Register<DispatchWorkflow>();
    }
}
