using Yishi.Demands.Domain;

namespace Yishi.Demands.Features.Ledger;

/// <summary>The Bootstrap colour of a status badge: waiting = warning, moving = info/primary, done = success, closed = grey.</summary>
public static class DemandTones
{
    public static string For(DemandStatus status) => status switch
    {
        DemandStatus.Submitted => "warning",
        DemandStatus.InProgress => "info",
        DemandStatus.Guidance => "info",
        DemandStatus.AwaitingDeliberation => "primary",
        DemandStatus.Handled => "success",
        _ => "secondary",
    };

    public static string For(Satisfaction satisfaction) => satisfaction switch
    {
        Satisfaction.Satisfied => "success",
        Satisfaction.BasicallySatisfied => "info",
        _ => "danger",
    };
}
