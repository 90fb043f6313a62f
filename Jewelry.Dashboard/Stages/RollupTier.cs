namespace Jewelry.Dashboard.Stages;

/// <summary>The bucket sizes rollups are kept in; the numbers are the <c>tier</c> column's values.</summary>
public enum RollupTier : short
{
    Minute = 1,
    Hour = 2,
    Day = 3,
}
