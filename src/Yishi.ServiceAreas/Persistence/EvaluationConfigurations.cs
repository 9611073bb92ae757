using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Yishi.ServiceAreas.Domain;

namespace Yishi.ServiceAreas.Persistence;

internal sealed class EvaluationRoundConfiguration : IEntityTypeConfiguration<EvaluationRound>
{
    public void Configure(EntityTypeBuilder<EvaluationRound> b)
    {
        b.ToTable("evaluation_rounds");
        b.HasKey(x => x.Id);
        b.Property(x => x.AreaPath).HasMaxLength(200);
        b.Property(x => x.Period).HasMaxLength(EvaluationRound.PeriodMaxLength);
        b.HasIndex(x => new { x.DistrictId, x.AreaId, x.Kind, x.Period }).IsUnique();
        b.HasIndex(x => new { x.DistrictId, x.AreaPath, x.Status });
    }
}

internal sealed class EvaluationCriterionConfiguration : IEntityTypeConfiguration<EvaluationCriterion>
{
    public void Configure(EntityTypeBuilder<EvaluationCriterion> b)
    {
        b.ToTable("evaluation_criteria");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(EvaluationCriterion.NameMaxLength);
        b.HasIndex(x => new { x.DistrictId, x.RoundId, x.Order });
    }
}

internal sealed class EvaluationEvaluatorConfiguration : IEntityTypeConfiguration<EvaluationEvaluator>
{
    public void Configure(EntityTypeBuilder<EvaluationEvaluator> b)
    {
        b.ToTable("evaluation_evaluators");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.DistrictId, x.RoundId, x.UserId }).IsUnique();
    }
}

internal sealed class EvaluationScoreConfiguration : IEntityTypeConfiguration<EvaluationScore>
{
    public void Configure(EntityTypeBuilder<EvaluationScore> b)
    {
        b.ToTable("evaluation_scores");
        b.HasKey(x => x.Id);
        // Each evaluator scores each area once per round.
        b.HasIndex(x => new { x.DistrictId, x.RoundId, x.EvaluatorUserId, x.ServiceAreaId }).IsUnique();
        b.HasIndex(x => new { x.DistrictId, x.RoundId, x.ServiceAreaId });
    }
}

internal sealed class EvaluationScoreItemConfiguration : IEntityTypeConfiguration<EvaluationScoreItem>
{
    public void Configure(EntityTypeBuilder<EvaluationScoreItem> b)
    {
        b.ToTable("evaluation_score_items");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.DistrictId, x.ScoreId, x.CriterionId }).IsUnique();
    }
}

internal sealed class MemberEvaluationConfiguration : IEntityTypeConfiguration<MemberEvaluation>
{
    public void Configure(EntityTypeBuilder<MemberEvaluation> b)
    {
        b.ToTable("member_evaluations");
        b.HasKey(x => x.Id);
        b.Property(x => x.AreaPath).HasMaxLength(200);
        b.Property(x => x.Comment).HasMaxLength(MemberEvaluation.CommentMaxLength);
        // One response per household per round, also under concurrent requests.
        b.HasIndex(x => new { x.DistrictId, x.RoundId, x.HouseholdId }).IsUnique();
        b.HasIndex(x => new { x.DistrictId, x.RoundId, x.ServiceAreaId });
    }
}
