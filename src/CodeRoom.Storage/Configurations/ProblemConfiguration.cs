using CodeRoom.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeRoom.Storage.Configurations;

internal sealed class ProblemConfiguration : IEntityTypeConfiguration<ProblemEntity>
{
    public void Configure(EntityTypeBuilder<ProblemEntity> b)
    {
        b.ToTable("problems");
        b.HasKey(p => p.Id);
        b.HasIndex(p => p.Slug).IsUnique();
        b.Property(p => p.Slug).HasMaxLength(80);
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Difficulty).HasMaxLength(16);
        b.HasMany(p => p.Tests).WithOne(t => t.Problem).HasForeignKey(t => t.ProblemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TestConfiguration : IEntityTypeConfiguration<TestEntity>
{
    public void Configure(EntityTypeBuilder<TestEntity> b)
    {
        b.ToTable("tests");
        b.HasKey(t => t.Id);
        b.HasIndex(t => new { t.ProblemId, t.Ordinal }).IsUnique();
        b.Property(t => t.Visibility).HasMaxLength(8);
        b.Property(t => t.Category).HasMaxLength(100);
    }
}

internal sealed class ProblemRevisionConfiguration : IEntityTypeConfiguration<ProblemRevisionEntity>
{
    public void Configure(EntityTypeBuilder<ProblemRevisionEntity> b)
    {
        b.ToTable("problem_revisions");
        b.HasKey(r => new { r.ProblemId, r.Revision });
        b.HasOne<ProblemEntity>().WithMany().HasForeignKey(r => r.ProblemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttemptConfiguration : IEntityTypeConfiguration<AttemptEntity>
{
    public void Configure(EntityTypeBuilder<AttemptEntity> b)
    {
        b.ToTable("attempts");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.UserId).HasMaxLength(200);
        b.Property(a => a.InterviewId).HasMaxLength(200);
        b.HasIndex(a => a.UserId);
    }
}

internal sealed class CodeDraftConfiguration : IEntityTypeConfiguration<CodeDraftEntity>
{
    public void Configure(EntityTypeBuilder<CodeDraftEntity> b)
    {
        b.ToTable("code_drafts");
        b.HasKey(d => new { d.AttemptId, d.ProblemId, d.Language });
        b.Property(d => d.Language).HasMaxLength(16);
        b.HasOne(d => d.Attempt).WithMany().HasForeignKey(d => d.AttemptId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(d => d.Problem).WithMany().HasForeignKey(d => d.ProblemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<SubmissionEntity>
{
    public void Configure(EntityTypeBuilder<SubmissionEntity> b)
    {
        b.ToTable("submissions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.UserId).HasMaxLength(200);
        b.Property(s => s.Language).HasMaxLength(16);
        b.Property(s => s.Mode).HasMaxLength(8);
        b.Property(s => s.Status).HasMaxLength(16);
        b.Property(s => s.Verdict).HasMaxLength(32);
        b.HasIndex(s => new { s.AttemptId, s.CreatedAt });
        b.HasIndex(s => s.Status);
        // The admin run-log browser and the roll-up: newest first, filtered by one of these (docs/observability.md).
        b.HasIndex(s => new { s.CreatedAt, s.Id });
        b.HasIndex(s => new { s.ProblemId, s.CreatedAt });
        b.HasIndex(s => new { s.UserId, s.CreatedAt });
        b.HasIndex(s => new { s.Verdict, s.CreatedAt });
        b.HasIndex(s => new { s.Language, s.CreatedAt });
        b.HasOne(s => s.Attempt).WithMany().HasForeignKey(s => s.AttemptId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.Problem).WithMany().HasForeignKey(s => s.ProblemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.RunLog).WithOne().HasForeignKey<RunLogEntity>(l => l.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RunLogConfiguration : IEntityTypeConfiguration<RunLogEntity>
{
    public void Configure(EntityTypeBuilder<RunLogEntity> b)
    {
        b.ToTable("run_logs");
        b.HasKey(l => l.SubmissionId);
        b.HasIndex(l => l.CreatedAt); // retention
    }
}

internal sealed class AttemptEventConfiguration : IEntityTypeConfiguration<AttemptEventEntity>
{
    public void Configure(EntityTypeBuilder<AttemptEventEntity> b)
    {
        b.ToTable("attempt_events");
        b.HasKey(e => e.Id);
        b.Property(e => e.Kind).HasMaxLength(16);
        b.Property(e => e.ProblemSlug).HasMaxLength(80);
        b.Property(e => e.Language).HasMaxLength(16);
        b.HasIndex(e => new { e.AttemptId, e.Id });
        b.HasIndex(e => e.SubmissionId).IsUnique();
        // Pruned with the attempt (issue 16): deleting an attempt deletes its history in the same statement.
        b.HasOne(e => e.Attempt).WithMany().HasForeignKey(e => e.AttemptId).OnDelete(DeleteBehavior.Cascade);
    }
}
