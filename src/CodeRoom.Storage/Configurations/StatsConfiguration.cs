using CodeRoom.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeRoom.Storage.Configurations;

internal sealed class RunStatsHourlyConfiguration : IEntityTypeConfiguration<RunStatsHourlyEntity>
{
    public void Configure(EntityTypeBuilder<RunStatsHourlyEntity> b)
    {
        b.ToTable("run_stats_hourly");
        b.HasKey(s => new { s.HourStart, s.ProblemId, s.Language, s.Mode });
        b.Property(s => s.Language).HasMaxLength(16);
        b.Property(s => s.Mode).HasMaxLength(8);
        b.HasIndex(s => new { s.ProblemId, s.HourStart });
    }
}

internal sealed class RunnerHeartbeatConfiguration : IEntityTypeConfiguration<RunnerHeartbeatEntity>
{
    public void Configure(EntityTypeBuilder<RunnerHeartbeatEntity> b)
    {
        b.ToTable("runner_heartbeats");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasMaxLength(100);
    }
}
