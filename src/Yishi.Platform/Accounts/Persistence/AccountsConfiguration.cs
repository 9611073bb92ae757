using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yishi.Platform.Accounts.Domain;

namespace Yishi.Platform.Accounts.Persistence;

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> b)
    {
        b.ToTable("role_assignments");
        b.HasKey(r => r.Id);
        b.Property(r => r.AreaPath).HasMaxLength(200);
        b.HasIndex(r => new { r.DistrictId, r.UserId });
        b.HasIndex(r => new { r.DistrictId, r.AreaPath, r.Role });
    }
}

internal sealed class TwoFactorRequirementConfiguration : IEntityTypeConfiguration<TwoFactorRequirement>
{
    public void Configure(EntityTypeBuilder<TwoFactorRequirement> b)
    {
        b.ToTable("two_factor_requirements");
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.DistrictId, r.Role }).IsUnique();
    }
}
