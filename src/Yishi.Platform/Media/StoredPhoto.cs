using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yishi.Platform.Data;

namespace Yishi.Platform.Media;

/// <summary>
/// The one shape of a stored photo, used by every module's photo entity (demand photos, activity photos, point-entry
/// evidence, task photos): each module keeps its own table (its tenancy and who may see it), but the columns, the
/// limits and the processing (<see cref="PhotoProcessor"/>) exist once, here. Only processed photos can be stored:
/// the constructor takes a <see cref="ProcessedPhoto"/>, never raw upload bytes.
/// </summary>
public abstract class StoredPhoto : ITenantOwned
{
    protected StoredPhoto() { }

    protected StoredPhoto(Guid districtId, ProcessedPhoto photo, Guid? uploadedBy, DateTime now)
    {
        Id = Guid.CreateVersion7();
        DistrictId = districtId;
        ContentType = photo.ContentType;
        Bytes = photo.Bytes;
        ByteLength = photo.Bytes.Length;
        Width = photo.Width;
        Height = photo.Height;
        ThumbnailBytes = photo.ThumbnailBytes;
        UploadedBy = uploadedBy;
        UploadedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid DistrictId { get; private set; }
    public string ContentType { get; private set; } = "";
    public byte[] Bytes { get; private set; } = [];
    public int ByteLength { get; private set; }
    public int Width { get; private set; }
    public int Height { get; private set; }
    public byte[] ThumbnailBytes { get; private set; } = [];
    /// <summary>The signed-in user who uploaded it; null for a resident without an account (a demand's tracking code).</summary>
    public Guid? UploadedBy { get; private set; }
    public DateTime UploadedAt { get; private set; }
}

/// <summary>A photo's bytes as served: the full picture or its thumbnail.</summary>
public sealed record PhotoFile(string ContentType, byte[] Bytes);

public static class StoredPhotoExtensions
{
    /// <summary>Maps the common columns of a module's photo table.</summary>
    public static EntityTypeBuilder<T> ToPhotoTable<T>(this EntityTypeBuilder<T> b, string table) where T : StoredPhoto
    {
        b.ToTable(table);
        b.HasKey(p => p.Id);
        b.Property(p => p.ContentType).HasMaxLength(32);
        return b;
    }

    /// <summary>Loads only the bytes asked for (the thumbnail for lists and cards, or the full picture).</summary>
    public static Task<PhotoFile?> FileAsync<T>(this IQueryable<T> photos, bool thumbnail, CancellationToken ct = default) where T : StoredPhoto
        => thumbnail
            ? photos.Select(p => new PhotoFile(p.ContentType, p.ThumbnailBytes)).FirstOrDefaultAsync(ct)
            : photos.Select(p => new PhotoFile(p.ContentType, p.Bytes)).FirstOrDefaultAsync(ct);

    /// <summary>Serves a photo the caller was allowed to see: its stored type, <c>nosniff</c>, inline, private cache.</summary>
    public static IResult Serve(this HttpContext http, PhotoFile file, int maxAgeSeconds = 3600)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = $"private, max-age={maxAgeSeconds}";
        http.Response.Headers.ContentDisposition = "inline";
        return Results.File(file.Bytes, file.ContentType);
    }
}
