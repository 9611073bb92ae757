namespace Yishi.Platform.Data;

/// <summary>A row owned by a district (tenant). Every query is filtered by it and every unique index includes it.</summary>
public interface ITenantOwned
{
    Guid DistrictId { get; }
}

/// <summary>Optimistic concurrency: the app increments <see cref="Version"/> on every save; a stale save is a 409.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>A row placed in the area tree. <see cref="AreaPath"/> copies the area's materialised path so
/// subtree queries are one indexed prefix match; an area move rewrites it in every such table.</summary>
public interface IAreaPlaced : ITenantOwned
{
    Guid AreaId { get; }
    string AreaPath { get; }
}
