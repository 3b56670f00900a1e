using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.KitchenLab.Dismantling;
using KitchenWorkflows.KitchenLab.Email;
using KitchenWorkflows.KitchenLab.Naumen;
using KitchenWorkflows.KitchenLab.Sms;
using KitchenWorkflows.KitchenLab.Usedesk;
using KitchenWorkflows.KitchenLab.Warranty;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.KitchenLab;

/// <summary>Registers the Kitchen Lab domain.</summary>
public static class KitchenLabServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Kitchen Lab services: the clients of Usedesk, the SMS gateway, Naumen and the mail server, with
    /// their options bound from the <c>Usedesk</c>, <c>Sms</c>, <c>Naumen</c> and <c>Smtp</c> sections. The options
    /// are validated when an activity first uses them rather than at start-up, so a server that does not run every
    /// integration (the legacy Naumen scheme, say) starts without its settings; the activity then faults with the
    /// validation message. The dismantling terms (<c>KitchenLab:Dismantling</c>) all have defaults, so they are
    /// validated at start-up: a wrong value there is a typo to catch at once.
    /// </summary>
    public static IServiceCollection AddKitchenLab(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<UsedeskOptions>().BindConfiguration(UsedeskOptions.SectionName).ValidateDataAnnotations();
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.SectionName).ValidateDataAnnotations();
        services.AddOptions<NaumenOptions>().BindConfiguration(NaumenOptions.SectionName).ValidateDataAnnotations();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateDataAnnotations();
        services.AddOptions<DismantlingOptions>().BindConfiguration(DismantlingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<UsedeskClient>((sp, http) =>
            http.BaseAddress = IntegrationHttp.AsBaseAddress(sp.GetRequiredService<IOptions<UsedeskOptions>>().Value.BaseUrl));
        services.AddHttpClient<SmsGatewayClient>((sp, http) =>
            http.BaseAddress = IntegrationHttp.AsBaseAddress(sp.GetRequiredService<IOptions<SmsOptions>>().Value.BaseUrl!));
        services.AddHttpClient<NaumenClient>((sp, http) =>
            http.BaseAddress = IntegrationHttp.AsBaseAddress(sp.GetRequiredService<IOptions<NaumenOptions>>().Value.BaseUrl!));
        services.TryAddSingleton<SmtpEmailSender>();
        return services;
    }

    /// <summary>Registers the Kitchen Lab activities with the engine.</summary>
    public static ActivityRegistry AddKitchenLabActivities(this ActivityRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .Register<CheckWarranty>()
            .Register<SendSms>()
            .Register<MoveTicketToChannel>()
            .Register<ReplyToTicket>()
            .Register<CreateOutgoingRequest>()
            .Register<SetTicketStatus>()
            .Register<MarkAsClaim>()
            .Register<AwaitManagerAnswer>()
            .Register<SendEmail>()
            .Register<RegisterInNaumen>();
    }
}
