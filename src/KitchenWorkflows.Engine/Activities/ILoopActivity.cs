namespace KitchenWorkflows.Engine.Activities;

/// <summary>Marks a loop (For, ForEach, While): the activity an <c>Elsa.Break</c> inside its body ends.</summary>
public interface ILoopActivity;
