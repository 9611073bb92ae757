using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Yishi.Platform.Audit;

internal sealed class AuditConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.HasKey(a => a.Id);
        b.Property(a => a.ActorName).HasMaxLength(64);
        b.Property(a => a.Action).HasMaxLength(64);
        b.Property(a => a.EntityType).HasMaxLength(64);
        b.Property(a => a.From).HasMaxLength(1000);
        b.Property(a => a.To).HasMaxLength(1000);
        b.Property(a => a.Note).HasMaxLength(2000);
        b.HasIndex(a => new { a.DistrictId, a.EntityType, a.EntityId, a.At });
        b.HasIndex(a => new { a.DistrictId, a.At });
        b.Property(a => a.PreviousHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        // One chain per district: a second row with the same number is refused, the verifier walks this index.
        b.HasIndex(a => new { a.DistrictId, a.Sequence }).IsUnique();
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> b)
    {
        b.ToTable("audit_chain_heads");
        b.HasKey(h => h.DistrictId);
        b.Property(h => h.Hash).HasMaxLength(64);
    }
}
