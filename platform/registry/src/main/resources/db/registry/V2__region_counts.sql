-- Counts by region (households and people per county, township or village) read this index alone instead of
-- visiting every household row.
CREATE INDEX household_region_counts ON household (village_code, status, member_count);
