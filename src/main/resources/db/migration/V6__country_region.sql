-- The ITU Development Sector region of each ITU Member State (Africa, Americas, Arab States, Asia and the Pacific,
-- CIS, Europe), as the ITU's regional offices list them; territories that are not members themselves have none.
-- The portfolio groups and filters engagements by it.
alter table country add column region varchar(16);

update country set region = 'africa' where code in (
  'AGO', 'BDI', 'BEN', 'BFA', 'BWA', 'CAF', 'CIV', 'CMR', 'COD', 'COG', 'CPV', 'ERI',
  'ETH', 'GAB', 'GHA', 'GIN', 'GMB', 'GNB', 'GNQ', 'KEN', 'LBR', 'LSO', 'MDG', 'MLI',
  'MOZ', 'MUS', 'MWI', 'NAM', 'NER', 'NGA', 'RWA', 'SEN', 'SLE', 'SSD', 'STP', 'SWZ',
  'SYC', 'TCD', 'TGO', 'TZA', 'UGA', 'ZAF', 'ZMB', 'ZWE');

update country set region = 'americas' where code in (
  'ARG', 'ATG', 'BHS', 'BLZ', 'BOL', 'BRA', 'BRB', 'CAN', 'CHL', 'COL', 'CRI', 'CUB',
  'DMA', 'DOM', 'ECU', 'GRD', 'GTM', 'GUY', 'HND', 'HTI', 'JAM', 'KNA', 'LCA', 'MEX',
  'NIC', 'PAN', 'PER', 'PRY', 'SLV', 'SUR', 'TTO', 'URY', 'USA', 'VCT', 'VEN');

update country set region = 'arab-states' where code in (
  'ARE', 'BHR', 'COM', 'DJI', 'DZA', 'EGY', 'IRQ', 'JOR', 'KWT', 'LBN', 'LBY', 'MAR',
  'MRT', 'OMN', 'PSE', 'QAT', 'SAU', 'SDN', 'SOM', 'SYR', 'TUN', 'YEM');

update country set region = 'asia-pacific' where code in (
  'AFG', 'AUS', 'BGD', 'BRN', 'BTN', 'CHN', 'FJI', 'FSM', 'IDN', 'IND', 'IRN', 'JPN',
  'KHM', 'KIR', 'KOR', 'LAO', 'LKA', 'MDV', 'MHL', 'MMR', 'MNG', 'MYS', 'NPL', 'NRU',
  'NZL', 'PAK', 'PHL', 'PLW', 'PNG', 'PRK', 'SGP', 'SLB', 'THA', 'TLS', 'TON', 'TUV',
  'VNM', 'VUT', 'WSM');

update country set region = 'cis' where code in (
  'ARM', 'AZE', 'BLR', 'KAZ', 'KGZ', 'MDA', 'RUS', 'TJK', 'TKM', 'UZB');

update country set region = 'europe' where code in (
  'ALB', 'AND', 'AUT', 'BEL', 'BGR', 'BIH', 'CHE', 'CYP', 'CZE', 'DEU', 'DNK', 'ESP',
  'EST', 'FIN', 'FRA', 'GBR', 'GEO', 'GRC', 'HRV', 'HUN', 'IRL', 'ISL', 'ISR', 'ITA',
  'LIE', 'LTU', 'LUX', 'LVA', 'MCO', 'MKD', 'MLT', 'MNE', 'NLD', 'NOR', 'POL', 'PRT',
  'ROU', 'SMR', 'SRB', 'SVK', 'SVN', 'SWE', 'TUR', 'UKR', 'VAT');
