namespace Yishi.Demands;

/// <summary>Messages of the 十必议 rules that cannot be bypassed (common issues, re-triage).</summary>
public sealed class DemandRuleStrings;
