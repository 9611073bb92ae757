using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Modules;
using Yishi.Platform.People.Features.AddResident;
using Yishi.Platform.People.Features.ChangeHouseNumber;
using Yishi.Platform.People.Features.CreateHousehold;
using Yishi.Platform.People.Features.EditResident;
using Yishi.Platform.People.Features.HouseholdDetail;
using Yishi.Platform.People.Features.HouseholdList;
using Yishi.Platform.People.Features.ImportRoster;
using Yishi.Platform.People.Features.RemoveResident;
using Yishi.Platform.People.Features.RevealPhone;

namespace Yishi.Platform.People;

/// <summary>Registers the People features: their handlers, API endpoints and navigation entries.</summary>
internal static class PeopleFeatures
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<HouseholdList>();
        services.AddScoped<HouseholdDetail>();
        services.AddScoped<CreateHousehold>();
        services.AddScoped<ChangeHouseNumber>();
        services.AddScoped<AddResident>();
        services.AddScoped<EditResident>();
        services.AddScoped<RemoveResident>();
        services.AddScoped<RevealPhone>();
        services.AddScoped<PreviewRoster>();
        services.AddScoped<RosterImports>();
        services.AddScoped<CommitRoster>();
    }

    public static void MapApi(RouteGroupBuilder api)
    {
        HouseholdList.Map(api);
        HouseholdDetail.Map(api);
        CreateHousehold.Map(api);
        ChangeHouseNumber.Map(api);
        AddResident.Map(api);
        EditResident.Map(api);
        RemoveResident.Map(api);
        RevealPhone.Map(api);
        PreviewRoster.Map(api);
        CommitRoster.Map(api);
    }

    public static void MapPublic(IEndpointRouteBuilder app)
    {
        RosterTemplate.MapPublic(app);
    }

    public static IEnumerable<NavItem> Navigation => [new("/admin/households", "Nav_Households", typeof(PeopleStrings), Permission.ViewHouseholds, 20)];
}
