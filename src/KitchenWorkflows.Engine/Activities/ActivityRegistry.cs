using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using KitchenWorkflows.Engine.Definitions;

namespace KitchenWorkflows.Engine.Activities;

/// <summary>
/// The activity types a host supports, by type name, with their descriptors. Binds a definition
/// node to a new activity instance whose <see cref="Input{T}"/> properties carry the node's expressions.
/// </summary>
public sealed class ActivityRegistry
{
    private readonly ConcurrentDictionary<string, Registration> _types = new(StringComparer.Ordinal);

    /// <summary>Every registered descriptor, for the Studio's palette.</summary>
    public IEnumerable<ActivityDescriptor> Descriptors => _types.Values.Select(r => r.Descriptor).OrderBy(d => d.Category).ThenBy(d => d.DisplayName);

    /// <summary>Registers an activity type under the type name of its <see cref="ActivityAttribute"/>.</summary>
    public ActivityRegistry Register<TActivity>()
        where TActivity : Activity, new() => Register(typeof(TActivity), static () => new TActivity());

    /// <summary>Registers an activity type with a factory (for activities that take services through their constructor).</summary>
    public ActivityRegistry Register(Type type, Func<Activity> factory)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(factory);
        var attribute = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new ArgumentException($"{type.Name} has no [Activity] attribute.", nameof(type));
        var inputs = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(Input<>))
            .Select(p => new BoundProperty(p, DescribeInput(p)))
            .ToArray();
        var descriptor = new ActivityDescriptor
        {
            TypeName = attribute.TypeName,
            DisplayName = attribute.DisplayName ?? SpacedName(attribute.TypeName),
            Category = attribute.Category,
            Description = attribute.Description,
            Outcomes = attribute.Outcomes,
            HasDynamicOutcomes = type.GetMethod(nameof(Activity.GetOutcomes))!.DeclaringType != typeof(Activity),
            IsTrigger = type.IsAssignableTo(typeof(ITrigger)),
            Inputs = [.. inputs.Select(i => i.Descriptor)],
        };
        _types[attribute.TypeName] = new Registration(descriptor, factory, inputs);
        return this;
    }

    /// <summary>Finds the descriptor of a type name.</summary>
    public bool TryGetDescriptor(string typeName, [NotNullWhen(true)] out ActivityDescriptor? descriptor)
    {
        descriptor = _types.TryGetValue(typeName, out var registration) ? registration.Descriptor : null;
        return descriptor is not null;
    }

    /// <summary>Makes an activity instance for a node with its inputs bound; null when the type is unknown.</summary>
    public Activity? Bind(ActivityNode node)
    {
        if (!_types.TryGetValue(node.Type, out var registration))
        {
            return null;
        }

        var activity = registration.Factory();
        activity.Node = node;
        activity.Descriptor = registration.Descriptor;
        foreach (var input in registration.Inputs)
        {
            var expression = node.Inputs.TryGetValue(input.Descriptor.Name, out var given) ? given.Expression : null;
            if (expression is null && input.Descriptor.DefaultValue is { } defaultValue)
            {
                expression = WorkflowExpression.Literal(defaultValue);
            }

            input.Property.SetValue(activity, Activator.CreateInstance(input.Property.PropertyType, expression));
        }

        return activity;
    }

    private static InputDescriptor DescribeInput(PropertyInfo property)
    {
        var attribute = property.GetCustomAttribute<InputAttribute>() ?? new InputAttribute();
        var valueType = property.PropertyType.GetGenericArguments()[0];
        return new InputDescriptor
        {
            Name = JsonNamingPolicy.CamelCase.ConvertName(property.Name),
            DisplayName = attribute.DisplayName ?? SpacedName(property.Name),
            TypeName = TypeAlias(valueType),
            Description = attribute.Description,
            Required = attribute.Required,
            UIHint = attribute.UIHint ?? DefaultUIHint(valueType, attribute),
            Options = attribute.Options,
            DefaultSyntax = attribute.DefaultSyntax,
            DefaultValue = attribute.DefaultValue,
        };
    }

    private static string DefaultUIHint(Type type, InputAttribute attribute) => type switch
    {
        _ when attribute.Options is not null => InputUIHints.Dropdown,
        _ when type == typeof(bool) => InputUIHints.Checkbox,
        _ when type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal) => InputUIHints.Number,
        _ when type != typeof(string) && type.IsAssignableTo(typeof(System.Collections.IEnumerable)) => InputUIHints.MultiText,
        _ => InputUIHints.SingleLine,
    };

    private static string TypeAlias(Type type) => type switch
    {
        _ when type == typeof(object) => "Object",
        _ when type.IsGenericType => type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(",", type.GetGenericArguments().Select(TypeAlias)) + ">",
        _ => type.Name,
    };

    private static string SpacedName(string name)
    {
        var last = name[(name.LastIndexOf('.') + 1)..];
        return string.Concat(last.Select((c, i) => i > 0 && char.IsUpper(c) && !char.IsUpper(last[i - 1]) ? " " + c : c.ToString()));
    }

    private sealed record BoundProperty(PropertyInfo Property, InputDescriptor Descriptor);

    private sealed record Registration(ActivityDescriptor Descriptor, Func<Activity> Factory, BoundProperty[] Inputs);
}
