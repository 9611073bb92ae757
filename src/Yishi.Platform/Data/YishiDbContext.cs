using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.People.Domain;

namespace Yishi.Platform.Data;

/// <summary>The one DbContext. Each module contributes its entity configurations from its own assembly.</summary>
public sealed class YishiDbContext(DbContextOptions<YishiDbContext> options, RequestContext request, ModelAssemblies modules)
    : IdentityUserContext<YishiUser, Guid>(options)
{
    public Guid? TenantId => request.DistrictId;

    public DbSet<Area> Areas => Set<Area>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Resident> Residents => Set<Resident>();
    public DbSet<RosterImport> RosterImports => Set<RosterImport>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<TwoFactorRequirement> TwoFactorRequirements => Set<TwoFactorRequirement>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite returns DateTime with Kind=Unspecified; every time in Yishi is UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(4000);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<YishiUser>(b =>
        {
            b.ToTable("users");
            b.Property(u => u.DisplayName).HasMaxLength(YishiUser.DisplayNameMaxLength);
            b.Property(u => u.UserName).HasMaxLength(64);
            b.Property(u => u.NormalizedUserName).HasMaxLength(64);
            b.Property(u => u.PhoneNumber).HasMaxLength(20);
            b.Property(u => u.PreferredCulture).HasMaxLength(10);
            b.HasIndex(u => new { u.DistrictId, u.Kind });
            b.HasIndex(u => new { u.DistrictId, u.PhoneNumber });
        });
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");

        foreach (var assembly in modules.Assemblies.Distinct())
        {
            if (assembly.GetTypes().Any(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))))
                builder.ApplyConfigurationsFromAssembly(assembly);
        }

        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (!typeof(ITenantOwned).IsAssignableFrom(entity.ClrType) || entity.ClrType == typeof(YishiUser)) continue;
            builder.Entity(entity.ClrType).HasQueryFilter(TenantFilter(entity.ClrType));
            if (typeof(IVersioned).IsAssignableFrom(entity.ClrType))
                builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }

    private LambdaExpression TenantFilter(Type type)
    {
        var e = Expression.Parameter(type, "e");
        var district = Expression.Convert(Expression.Property(e, nameof(ITenantOwned.DistrictId)), typeof(Guid?));
        var tenant = Expression.Property(Expression.Constant(this), nameof(TenantId));
        return Expression.Lambda(Expression.Equal(district, tenant), e);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BeforeSave();
        if (AuditChain.HasNewEntries(this))
            throw new InvalidOperationException("Audit rows are chained in SaveChangesAsync; use it.");
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// New audit rows are numbered and hashed into their district's chain here, in the transaction that saves
    /// them (the caller's, or one opened for this save): one extra statement per district with new rows.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BeforeSave();
        if (!AuditChain.HasNewEntries(this)) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (Database.CurrentTransaction is not null)
        {
            await AuditChain.StampAsync(this, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        await AuditChain.StampAsync(this, cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    private void BeforeSave()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntry && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("Audit entries are append-only.");
            if (entry.Entity is IVersioned versioned && entry.State == EntityState.Modified)
                versioned.Version++;
            SaveGuard.Check(entry);
        }
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
