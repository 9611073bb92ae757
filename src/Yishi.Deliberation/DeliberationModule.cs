using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Yishi.Deliberation.Features.Access;
using Yishi.Deliberation.Features.Agenda;
using Yishi.Deliberation.Features.Councils;
using Yishi.Deliberation.Features.Minutes;
using Yishi.Deliberation.Features.Schedule;
using Yishi.Deliberation.Features.Session;
using Yishi.Deliberation.Features.Topics;
using Yishi.Platform.Modules;

namespace Yishi.Deliberation;

/// <summary>议事: councils, meetings and recurrence, topics and the four-step procedure, votes and quorum, resolutions.</summary>
public sealed class DeliberationModule : IYishiModule
{
    public Assembly Assembly => typeof(DeliberationModule).Assembly;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<DeliberationAccess>();
        services.AddScoped<Councils>();
        services.AddScoped<MeetingSchedule>();
        services.AddScoped<Topics>();
        services.AddScoped<MeetingAgenda>();
        services.AddScoped<MeetingSession>();
        services.Configure<Features.Session.MeetingOpeningOptions>(configuration.GetSection("Deliberation"));
        services.AddScoped<MeetingDetail>();
        services.AddScoped<MeetingMinutes>();
        services.AddScoped<Features.MyMeetings.MyMeetings>();
        services.AddScoped<Features.Participate.Participation>();
        services.AddScoped<Contracts.IResolutionRegistry, Features.Registry.ResolutionRegistry>();
        services.AddScoped<Features.FollowThrough.FollowThrough>();
        services.AddScoped<Features.FollowThrough.ProgressReport>();
        services.AddScoped<Features.FollowThrough.PublicDeliberation>();
        services.AddSingleton<DeliberationSchedule>();
        services.AddScoped<Platform.Demo.IDemoSeeder, Demo.DemoDeliberationSeeder>();
        if (configuration.GetValue("Deliberation:Schedule", true)) services.AddHostedService<DeliberationScheduleService>();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        Councils.Map(api);
        MeetingSchedule.Map(api);
        Topics.Map(api);
        MeetingAgenda.Map(api);
        MeetingSession.Map(api);
        MeetingDetail.Map(api);
        MeetingMinutes.Map(api);
        Features.MyMeetings.MyMeetings.Map(api);
        Features.Participate.Participation.Map(api);
        Features.FollowThrough.FollowThrough.Map(api);
        Features.FollowThrough.ProgressReport.Map(api);
    }

    public void MapAnonymousApi(RouteGroupBuilder publicApi)
    {
        Features.FollowThrough.FollowThrough.MapAnonymous(publicApi);
        Features.FollowThrough.PublicDeliberation.Map(publicApi);
    }

    public IEnumerable<NavItem> Navigation =>
    [
        new("/deliberation/councils", "Nav_Councils", typeof(DeliberationStrings), null, 30, DeliberationRoles.HoldsCouncilRole),
        new("/deliberation/my", "Nav_MyMeetings", typeof(DeliberationStrings), null, 31, r => r is Platform.Accounts.Domain.Role.CouncilMember or Platform.Accounts.Domain.Role.CommitteeMember or Platform.Accounts.Domain.Role.CommunitySecretary),
        new("/deliberation/participate", "Nav_Participate", typeof(DeliberationStrings), null, 32, r => r == Platform.Accounts.Domain.Role.Resident),
    ];
}
