using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Modules;
using Yishi.Platform.Notifications.Features.Inbox;
using Yishi.Platform.Notifications.Features.OutboxAdmin;
using Yishi.Platform.Notifications.Relay;

namespace Yishi.Platform.Notifications;

/// <summary>Registers in-app notifications, the outbox relay with its gateways, and the outbox admin page.</summary>
internal static class NotificationFeatures
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section));
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationInbox>();
        services.AddScoped<OutboxAdmin>();
        services.AddHttpClient(HttpSmsSink.ClientName);
        services.AddSingleton<IOutboxSink, SmtpSink>();
        services.AddSingleton<IOutboxSink, HttpSmsSink>();
        services.AddSingleton<OutboxRelay>();
        if (configuration.GetValue($"{NotificationOptions.Section}:Relay", true)) services.AddHostedService<OutboxRelayService>();
    }

    public static void MapApi(RouteGroupBuilder api)
    {
        NotificationInbox.Map(api);
        OutboxAdmin.Map(api);
    }

    public static void MapPublic(IEndpointRouteBuilder app) => NotificationInbox.MapPublic(app);

    public static IEnumerable<NavItem> Navigation =>
    [
        new("/admin/outbox", "Nav_Outbox", typeof(NotificationStrings), Permission.ManageOutbox, 85),
    ];
}
