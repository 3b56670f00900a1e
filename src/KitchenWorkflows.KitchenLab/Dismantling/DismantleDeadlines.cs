namespace KitchenWorkflows.KitchenLab.Dismantling;

/// <summary>A task's terms and the moment it escalates next.</summary>
/// <param name="ScheduleWithin">How long the service centre has to schedule the visit.</param>
/// <param name="DismantleWithin">How long it has, from scheduling, to report the dismantling.</param>
/// <param name="NextDeadline">When the current step escalates if nothing happens; null when the task ended.</param>
public sealed record DismantleDeadlines(string? ScheduleWithin, string? DismantleWithin, DateTimeOffset? NextDeadline);
